"""Why the system refused to read or write a file, in the words of someone who uses a computer,
never the C library's ("File exists", "Errno 28") or a Python exception's text."""

from __future__ import annotations

import errno

_WORDS = {
    errno.EEXIST: "something of that name is already there",
    errno.EACCES: "you are not allowed to change that folder or file",
    errno.EPERM: "you are not allowed to change that folder or file",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your share of the disk is used up",
    errno.EROFS: "the disk cannot be written to (it is read-only)",
    errno.ENOENT: "that folder does not exist (any more)",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.EISDIR: "it is a folder, not a file",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EIO: "the disk could not be read or written (it may be failing or unplugged)",
    errno.ENXIO: "it is not a file",
    errno.ELOOP: "it leads round in a circle of links",
    errno.EBUSY: "another program is using it",
    errno.ETXTBSY: "another program is using it",
    errno.EMFILE: "too many files are open",
}


def os_words(exc: OSError) -> str:
    """A plain reason for a failed file operation, for the end of a sentence."""
    return _WORDS.get(exc.errno or 0, "the system refused")
