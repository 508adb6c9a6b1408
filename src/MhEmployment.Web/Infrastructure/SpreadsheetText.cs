namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// The one rule for text a spreadsheet might run as a formula (CSV or formula injection), shared by the CSV and XLSX
/// downloads: text beginning with =, +, -, @, a tab or a carriage return gets a leading quote mark, so it stays text
/// even when a cell is edited or the sheet is saved as CSV. Numbers never pass through here, so "-1.5" stays a number.
/// </summary>
public static class SpreadsheetText
{
    public static string Neutralise(string? value) => string.IsNullOrEmpty(value) ? ""
        : value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
