/** The pages' own correlation ids for requests, e.g. "r12": one pattern for every page's protocol. */
export const REQUEST_ID_PATTERN = /^[0-9a-z-]{1,64}$/;
