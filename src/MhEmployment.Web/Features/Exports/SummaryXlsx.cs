namespace MhEmployment.Web.Features.Exports;

/// <summary>Writes a needs summary as an Excel workbook (OpenXml SDK).</summary>
public static class SummaryXlsx
{
    public static void Write(NeedsSummary summary, Stream output) => throw new NotImplementedException("Being written in the xlsx branch.");
}
