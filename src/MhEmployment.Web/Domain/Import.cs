namespace MhEmployment.Web.Domain;

/// <summary>A file that brought indicator values in. The imports issue grows its workflow.</summary>
public class Import
{
    public int Id { get; init; }
    public required string FileName { get; init; }
    public required string Format { get; init; }

    /// <summary>SHA-256 of the file's bytes, lower-case hex.</summary>
    public required string Sha256 { get; init; }
    public DateTime CreatedUtc { get; init; }
}
