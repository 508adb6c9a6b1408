namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>The rule ids parsers put on <see cref="ParseIssue"/>: stable, kebab-case, safe to filter and count on.</summary>
public static class IssueRules
{
    // Refusals before parsing (FileSniffer, FormatDetector).
    public const string EmptyFile = "empty-file";
    public const string SpreadsheetFile = "spreadsheet-file";
    public const string ZipFile = "zip-file";
    public const string PdfFile = "pdf-file";
    public const string GzipFile = "gzip-file";
    public const string BinaryFile = "binary-file";
    public const string Utf16File = "utf16-file";
    public const string Utf32File = "utf32-file";
    public const string InvalidEncoding = "invalid-encoding";
    public const string UnknownFormat = "unknown-format";
    public const string WrongDelimiter = "wrong-delimiter";

    // File structure.
    public const string MissingColumn = "missing-column";
    public const string NoDataRows = "no-data-rows";
    public const string RaggedRow = "ragged-row";
    public const string UnclosedQuote = "unclosed-quote";
    public const string MalformedQuote = "malformed-quote";
    public const string RecordTooLarge = "record-too-large";

    // Cells.
    public const string Suppressed = "suppressed";
    public const string NotANumber = "not-a-number";
    public const string NegativeCount = "negative-count";
    public const string NegativeDenominator = "negative-denominator";
    public const string CountExceedsDenominator = "count-exceeds-denominator";
    public const string ImpossibleDate = "impossible-date";
    public const string UnrecognisedDate = "unrecognised-date";
    public const string UnrecognisedPeriod = "unrecognised-period";
    public const string PeriodEndBeforeStart = "period-end-before-start";
    public const string MissingValue = "missing-value";
    public const string UnrecognisedSex = "unrecognised-sex";
    public const string FormulaLikeCell = "formula-like-cell";
    public const string DuplicateKeyConflict = "duplicate-key-conflict";
    public const string ImplausibleMagnitude = "implausible-magnitude";

    // Header.
    public const string DuplicateColumn = "duplicate-column";
    public const string UnknownColumn = "unknown-column";

    // Checks against the catalogue, after parsing.
    public const string ValueOutOfRange = "value-out-of-range";
    public const string TooManyNewIndicators = "too-many-new-indicators";

    // Rows skipped on purpose, reported once per file.
    public const string CategoryRowsSkipped = "category-rows-skipped";
    public const string UnallocatedRowsSkipped = "unallocated-rows-skipped";
    public const string UnpairedAscof1F = "ascof-1f-unpaired";
}
