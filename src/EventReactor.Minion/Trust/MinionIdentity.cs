using System.Security.Cryptography;
using EventReactor.Storage.Keys;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Trust;

/// <summary>
/// The minion's key pair (<c>minion.key</c>, created on first start) and the reactor key it pinned at enrollment
/// (<c>reactor.pub</c>), both in its data folder. Commands are verified against the pinned key only.
/// </summary>
internal sealed class MinionIdentity : IDisposable
{
    public const string KeyFileName = "minion.key";
    public const string PinnedFileName = "reactor.pub";

    private readonly string _pinnedPath;
    private volatile ECDsa? _reactor;

    public MinionIdentity(IOptions<MinionOptions> options)
    {
        var folder = options.Value.ResolveDataPath();
        Key = KeyPairFile.LoadOrCreate(Path.Combine(folder, KeyFileName));
        _pinnedPath = Path.Combine(folder, PinnedFileName);
        if (File.Exists(_pinnedPath))
        {
            _reactor = KeyPairFile.ImportPublic(File.ReadAllText(_pinnedPath));
        }
    }

    public ECDsa Key { get; }

    public string PublicPem => KeyPairFile.PublicPem(Key);

    /// <summary>The reactor key commands must be signed with; null until the minion is accepted.</summary>
    public ECDsa? PinnedReactorKey => _reactor;

    /// <summary>Keeps the reactor key given at acceptance; once pinned, it is never replaced by what a reactor answers.</summary>
    public void Pin(string reactorPublicPem)
    {
        if (_reactor is not null)
        {
            return;
        }

        var key = KeyPairFile.ImportPublic(reactorPublicPem);
        File.WriteAllText(_pinnedPath, reactorPublicPem);
        _reactor = key;
    }

    public void Dispose()
    {
        Key.Dispose();
        _reactor?.Dispose();
    }
}
