using System.Globalization;

namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>Reads typed cells of the current record, adding an issue (with line, column and value) when one is wrong.</summary>
internal sealed class CellReader(CsvSource source, RowIssues issues)
{
    private readonly Dictionary<string, string> _suppressedMessages = [];

    /// <summary>The main value: a number, or null with the suppression marker kept and a "suppressed" warning.</summary>
    public double? Value(int column, string name, out string? marker)
    {
        marker = null;
        var cell = source[column];
        if (Cells.TryNumber(cell, out var value))
            return Plausible(value, cell, name);
        if (Cells.SuppressionMarker(cell) is { } m)
        {
            marker = m;
            issues.Add(new ParseIssue(source.Line, name, m, IssueRules.Suppressed, SuppressedMessage(m), IssueSeverity.Warning));
            return null;
        }
        NotANumber(cell, name);
        return null;
    }

    /// <summary>An optional number (count, denominator, limit): empty or a marker is null; negative counts are errors.</summary>
    public double? Optional(int column, string name, bool mustNotBeNegative = false)
    {
        if (column < 0)
            return null;
        var cell = source[column];
        if (Cells.TryNumber(cell, out var value))
        {
            if (Plausible(value, cell, name) is null)
                return null;
            if (mustNotBeNegative && value < 0)
            {
                var denominator = name.Contains("denominator", StringComparison.OrdinalIgnoreCase);
                issues.Add(new ParseIssue(source.Line, name, Cells.ForIssue(cell),
                    denominator ? IssueRules.NegativeDenominator : IssueRules.NegativeCount,
                    $"The {name} is negative ({Cells.ForIssue(cell)}); a {(denominator ? "denominator" : "count")} cannot be below zero."));
            }
            return value;
        }
        if (Cells.SuppressionMarker(cell) is null)
            NotANumber(cell, name);
        return null;
    }

    /// <summary>The count and denominator (never negative, the count within the denominator for a proportion) and the limits.</summary>
    public Measures Measures(MeasureCells cells)
    {
        var names = cells.Columns;
        var count = Optional(cells.Count, names.Count, mustNotBeNegative: true);
        var denominator = Optional(cells.Denominator, names.Denominator, mustNotBeNegative: true);
        CheckCountWithinDenominator(count, denominator, names.Count);
        return new Measures(count, denominator, Optional(cells.Lower95, names.Lower95), Optional(cells.Upper95, names.Upper95),
            Optional(cells.Lower998, names.Lower998), Optional(cells.Upper998, names.Upper998));
    }

    /// <summary>Trimmed text, checked for formula-like content. Empty is "" (or an error when required).</summary>
    public string Text(int column, string name, bool required = false, Utf8Strings? cache = null)
    {
        if (column < 0)
            return "";
        var cell = source[column];
        var text = cache is null ? Cells.Text(cell) : cache.Get(cell);
        if (text.Length == 0)
        {
            if (required)
                issues.Add(new ParseIssue(source.Line, name, "", IssueRules.MissingValue, $"The {name} is empty; every row needs one."));
            return text;
        }
        CheckFormula(text, name);
        return text;
    }

    public void CheckFormula(string text, string name)
    {
        if (text.Length > 0 && Cells.LooksLikeFormula(text))
            issues.Add(new ParseIssue(source.Line, name, Cells.ForIssue(text), IssueRules.FormulaLikeCell,
                $"The {name} starts with \"{text[0]}\" like a spreadsheet formula. Formulas are never run or stored: remove it, or save the sheet with values only."));
    }

    /// <summary>A count above its denominator: an error for a proportion, a warning for a rate; the workflow knows which.</summary>
    public void CheckCountWithinDenominator(double? count, double? denominator, string countName)
    {
        if (count is { } c && denominator is { } d && c > d && d >= 0)
            issues.Add(new ParseIssue(source.Line, countName, c.ToString(CultureInfo.InvariantCulture), IssueRules.CountExceedsDenominator,
                $"The count ({c.ToString(CultureInfo.InvariantCulture)}) is larger than the denominator ({d.ToString(CultureInfo.InvariantCulture)}): impossible for a proportion, possible for a rate.",
                IssueSeverity.Warning));
    }

    /// <summary>The number, or null with an error when no indicator's figure could be that large.</summary>
    private double? Plausible(double value, ReadOnlySpan<byte> cell, string name)
    {
        if (Math.Abs(value) <= SourceObservation.MaxMagnitude)
            return value;
        Implausible(cell, name);
        return null;
    }

    private void Implausible(ReadOnlySpan<byte> cell, string name)
    {
        var shown = Cells.ForIssue(Cells.Trim(cell));
        issues.Add(new ParseIssue(source.Line, name, shown, IssueRules.ImplausibleMagnitude,
            $"The {name} \"{shown}\" is implausibly large: no value, count or denominator comes near {SourceObservation.MaxMagnitude:N0}. Check the cell (a stray exponent, or a spreadsheet error?)."));
    }

    private void NotANumber(ReadOnlySpan<byte> cell, string name)
    {
        var shown = Cells.ForIssue(Cells.Trim(cell));
        if (Cells.IsOverflow(cell))
            Implausible(cell, name);
        else if (Cells.LooksLikeFormula(cell))
            issues.Add(new ParseIssue(source.Line, name, shown, IssueRules.FormulaLikeCell,
                $"The {name} \"{shown}\" looks like a spreadsheet formula. Formulas are never run or stored: save the sheet with values only."));
        else
            issues.Add(new ParseIssue(source.Line, name, shown, IssueRules.NotANumber,
                $"The {name} \"{shown}\" is not a number (suppressed values may be left empty or marked *, .., !, - or x)."));
    }

    private string SuppressedMessage(string marker)
    {
        if (!_suppressedMessages.TryGetValue(marker, out var message))
            _suppressedMessages[marker] = message = marker.Length == 0
                ? "The value is empty: kept as suppressed (missing), not as zero."
                : $"The value is suppressed (marked \"{marker}\"): kept as suppressed, not as zero.";
        return message;
    }
}

/// <summary>Where a file has its count, denominator and limits (-1 for a column it has not), found once from the header.</summary>
internal sealed class MeasureCells
{
    private MeasureCells(MeasureColumns columns, HeaderNames header)
    {
        Columns = columns;
        Count = header.Find([.. columns.SpellingsOf(0)]);
        Denominator = header.Find([.. columns.SpellingsOf(1)]);
        Lower95 = header.Find([.. columns.SpellingsOf(2)]);
        Upper95 = header.Find([.. columns.SpellingsOf(3)]);
        Lower998 = header.Find([.. columns.SpellingsOf(4)]);
        Upper998 = header.Find([.. columns.SpellingsOf(5)]);
    }

    public MeasureColumns Columns { get; }
    public int Count { get; }
    public int Denominator { get; }
    public int Lower95 { get; }
    public int Upper95 { get; }
    public int Lower998 { get; }
    public int Upper998 { get; }

    public static MeasureCells In(HeaderNames header, MeasureColumns columns) => new(columns, header);
}
