using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Exports;

/// <summary>A needs summary's values as tidy CSV.</summary>
public static class SummaryCsv
{
    public static CsvTable Table(NeedsSummary summary) => throw new NotImplementedException("Being written in the xlsx branch.");
}
