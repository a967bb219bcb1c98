using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Messaging;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Trust;

/// <summary>
/// The minion's own broker account (<c>minion-&lt;id&gt;</c>), given by the reactor at enrollment and kept in
/// <c>broker.json</c> in the data folder, readable by its owner only; once there, every connection to the broker uses it
/// in place of the user and password of <c>Bus:Url</c>, also after a restart.
/// </summary>
internal sealed class MinionBrokerCredential : IBusIdentity
{
    public const string FileName = "broker.json";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _path;
    private readonly string _id;
    private volatile BrokerCredential? _current;

    public MinionBrokerCredential(IOptions<MinionOptions> options)
    {
        _id = options.Value.Id;
        _path = Path.GetFullPath(Path.Combine(options.Value.ResolveDataPath(), FileName));
        if (!File.Exists(_path))
        {
            return;
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(_path) & ~OwnerOnly) != 0)
        {
            throw new InvalidDataException($"the broker credential file {_path} may be read by others ({File.GetUnixFileMode(_path)}); chmod 600 it");
        }

        try
        {
            _current = JsonSerializer.Deserialize<BrokerCredential>(File.ReadAllBytes(_path)) is { Username.Length: > 0, Password.Length: > 0 } read
                ? read
                : throw new InvalidDataException($"the broker credential file {_path} holds no username and password; delete it to enroll again");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"the broker credential file {_path} is not JSON ({ex.Message}); delete it to enroll again", ex);
        }
    }

    public BrokerCredential? Current => _current;

    public string BusEndpointName => MinionCommand.BusEndpointName(_id);

    /// <summary>Keeps the credential (0600, written aside then moved into place) and uses it from the next connection; false when it is the one already kept.</summary>
    public bool Store(BrokerCredential credential)
    {
        if (credential == _current)
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = _path + ".new";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var file = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(file, credential);
        }

        File.Move(temporary, _path, overwrite: true);
        _current = credential;
        return true;
    }
}
