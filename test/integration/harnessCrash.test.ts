describe('throwaway crash', () => {
  it('exits the extension host', () => { process.exit(0); });
});
describe('throwaway hang', () => {
  it('never ends', function () { this.timeout(0); return new Promise(() => undefined); });
});
