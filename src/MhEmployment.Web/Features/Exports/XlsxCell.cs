namespace MhEmployment.Web.Features.Exports;

public enum XlsxCellKind { Empty, Text, Number, Note }

/// <summary>
/// One cell of a workbook written by <see cref="XlsxBook"/>: text, or a number with the style that formats it (dates are
/// numbers too, as spreadsheets store them). A note is text that says a table has nothing to show; it does not widen
/// its column. A missing or non-finite number is an empty cell, never text.
/// </summary>
public readonly record struct XlsxCell(XlsxCellKind Kind, string? Text, double Number, uint Style)
{
    public static XlsxCell Empty => default;

    public static XlsxCell Of(string? text) => string.IsNullOrEmpty(text) ? Empty : new(XlsxCellKind.Text, text, 0, XlsxStyles.Normal);

    public static XlsxCell Note(string text) => new(XlsxCellKind.Note, text, 0, XlsxStyles.Note);

    public static XlsxCell Heading(string text) => new(XlsxCellKind.Text, text, 0, XlsxStyles.Heading);

    public static XlsxCell Of(double? value, uint style) =>
        value is { } v && double.IsFinite(v) ? new(XlsxCellKind.Number, null, v, style) : Empty;

    /// <summary>A value shown with the given number of decimal places, as the pages show it.</summary>
    public static XlsxCell Value(double? value, int decimals) => Of(value, XlsxStyles.Decimals(decimals));

    /// <summary>A count or denominator: whole numbers as "5,210", others with two decimals, as the pages show them.</summary>
    public static XlsxCell Count(double? value) => Value(value, value is { } v && v != Math.Floor(v) ? 2 : 0);

    public static XlsxCell Share(double? share) => Of(share, XlsxStyles.Percent);

    public static XlsxCell Of(DateOnly? date) => date is { } d ? Of(d.ToDateTime(TimeOnly.MinValue).ToOADate(), XlsxStyles.Date) : Empty;

    public static XlsxCell Of(DateTime? time) => time is { } t ? Of(t.ToOADate(), XlsxStyles.DateTime) : Empty;

    public static XlsxCell Of(int? value) => Of(value, XlsxStyles.WholeNumber);

    public static XlsxCell YesNo(bool value) => Of(value ? "Yes" : "No");
}
