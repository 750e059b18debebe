/** What a `.docx` import gives code under jest: webpack gives the file's URL; here, a stand-in. */
module.exports = "sample.docx";
