// What a file's name alone says, for the folder walk and for the files inside an archive alike.

/** Word, Excel and WPS keep `~$年报.docx` beside a document while it is open: a few bytes of who opened it, no report. */
export const isOfficeLock = (name: string): boolean => name.startsWith('~$');
