namespace MhEmployment.Web.Features.Exports;

/// <summary>Writes a needs summary as a Word document (OpenXml SDK).</summary>
public static class SummaryDocx
{
    public static void Write(NeedsSummary summary, Stream output) => throw new NotImplementedException("Being written in the docx branch.");
}
