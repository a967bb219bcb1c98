using EventReactor.Contracts.Api;
using EventReactor.Minion.Trust;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Tests.Trust;

/// <summary>The minion's own broker account is kept owner-only in its data folder and used again after a restart.</summary>
// File modes are part of what is tested, and they exist on Unix only.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class MinionBrokerCredentialTests : IDisposable
{
    private readonly TempDataFolder _data = new();

    [Fact]
    public void Store_ThenRestart_SameCredentialFromTheOwnerOnlyFile()
    {
        var credential = new BrokerCredential("minion-m1", "s3cret");

        Assert.Null(Open().Current);
        Assert.True(Open().Store(credential));

        var restarted = Open();
        Assert.Equal(credential, restarted.Current);
        Assert.False(restarted.Store(credential));
        Assert.Equal("eventreactor.minion-bus.m1", restarted.BusEndpointName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_data.Path, MinionBrokerCredential.FileName)));
    }

    [Fact]
    public void Open_FileOthersMayRead_RefusedNamingTheFile()
    {
        Open().Store(new BrokerCredential("minion-m1", "s3cret"));
        var file = Path.Combine(_data.Path, MinionBrokerCredential.FileName);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var error = Assert.Throws<InvalidDataException>(Open);
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NotJson_RefusedSayingHowToEnrollAgain()
    {
        File.WriteAllText(Path.Combine(_data.Path, MinionBrokerCredential.FileName), "nonsense");
        File.SetUnixFileMode(Path.Combine(_data.Path, MinionBrokerCredential.FileName), UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Contains("delete it to enroll again", Assert.Throws<InvalidDataException>(Open).Message, StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();

    private MinionBrokerCredential Open() => new(Options.Create(new MinionOptions { Id = "m1", DataPath = _data.Path }));
}
