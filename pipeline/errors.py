"""The exception tree. Exceptions mean "cannot go on"; data problems are Findings."""


class PipelineError(Exception):
    """The pipeline could not process a document."""


class DocumentLoadError(PipelineError):
    """The input file cannot be read as a document of its format."""

    code = "load-error"

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class EmptyFileError(DocumentLoadError):
    code = "empty-file"


class EncryptedError(DocumentLoadError):
    code = "encrypted"


class NotThisFormatError(DocumentLoadError):
    code = "wrong-format"


class DamagedFileError(DocumentLoadError):
    code = "damaged"


class TooLargeError(DocumentLoadError):
    code = "too-large"


class MissingToolError(DocumentLoadError):
    """A system tool the format needs (LibreOffice, Tesseract) is not installed."""

    code = "missing-tool"


class UnsupportedFormatError(DocumentLoadError):
    code = "unsupported-format"


class StageError(PipelineError):
    """A stage failed on a document: our bug or an input we do not handle yet."""

    def __init__(self, path, stage: str, cause: BaseException):
        self.path, self.stage, self.cause = str(path), stage, cause
        super().__init__(f"{path}: {stage} failed: {type(cause).__name__}: {cause}")
