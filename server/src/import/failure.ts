// A file the readers cannot take: thrown inside a reader, given back by importBytes as one clear message.
export class ImportError extends Error {}
