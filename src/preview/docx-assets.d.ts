/** Sample .docx files are bundled as assets: importing one gives its URL. */
declare module "*.docx" {
  const url: string;
  export default url;
}
