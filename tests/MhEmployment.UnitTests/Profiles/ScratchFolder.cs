namespace MhEmployment.UnitTests.Profiles;

/// <summary>A folder of a test's own under the run's temporary folder, deleted with everything in it when disposed.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mhe-unit-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
