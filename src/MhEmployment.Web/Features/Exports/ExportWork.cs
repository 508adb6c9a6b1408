namespace MhEmployment.Web.Features.Exports;

/// <summary>
/// Where exports keep their working files (a PDF conversion's folder, a bulk zip being written):
/// <c>Exports:WorkPath</c>, by default a folder in the temporary directory. Nothing there outlives the work.
/// </summary>
public static class ExportWork
{
    public static string Folder(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["Exports:WorkPath"] is { Length: > 0 } work ? Path.GetFullPath(work) : Path.Combine(Path.GetTempPath(), "mhemployment-exports");
    }
}
