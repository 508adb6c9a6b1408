using MhEmployment.Web.Features.Imports;

namespace MhEmployment.UnitTests.Imports;

public sealed class ImportStorageTests
{
    [Theory]
    [InlineData(28)] // ENOSPC: no space left on device
    [InlineData(122)] // EDQUOT: the user's quota is used up
    [InlineData(unchecked((int)0x80070070))] // Windows ERROR_DISK_FULL
    public void AFullDisk_IsRecognised(int hresult) =>
        ImportStorage.IsDiskFull(new IOException("no room", hresult)).Should().BeTrue();

    [Theory]
    [InlineData(5)] // EIO
    [InlineData(13)] // EACCES
    public void OtherWriteErrors_AreNotTakenForAFullDisk(int hresult) =>
        ImportStorage.IsDiskFull(new IOException("broken", hresult)).Should().BeFalse();
}
