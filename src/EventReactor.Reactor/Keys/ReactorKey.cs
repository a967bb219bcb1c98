using System.Security.Cryptography;
using EventReactor.Storage.Keys;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Keys;

/// <summary>The reactor's own key pair (<c>reactor.key</c> in its data folder, created on first use): it signs every command.</summary>
internal sealed class ReactorKey(IOptions<ReactorOptions> options) : IDisposable
{
    public const string FileName = "reactor.key";

    private readonly Lazy<ECDsa> _key = new(() => KeyPairFile.LoadOrCreate(Path.Combine(options.Value.DataPath, FileName)));

    public ECDsa Key => _key.Value;

    /// <summary>The public half as PEM, what minions pin at acceptance.</summary>
    public string PublicPem => KeyPairFile.PublicPem(Key);

    public void Dispose()
    {
        if (_key.IsValueCreated)
        {
            _key.Value.Dispose();
        }
    }
}
