"""acftu-pipeline: Chinese trade-union work notices into validated, structured data.

    from pipeline import process
    notice = process("raw/zz-2021-action-plans.docx")
    notice.tables[0].total.values
"""
__version__ = "0.2.0"

from pipeline.runner import process  # noqa: E402  (re-exported entry point)

__all__ = ["process", "__version__"]
