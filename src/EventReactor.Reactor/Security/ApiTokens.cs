using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Security;

/// <summary>The tokens in force (see <see cref="ApiTokenLoader"/>); none means a loopback-only, open API.</summary>
internal sealed class ApiTokens(IOptions<ReactorOptions> options)
{
    private readonly Lazy<IReadOnlyList<ApiCredential>> _credentials = new(() =>
    {
        var failures = new List<string>();
        var credentials = ApiTokenLoader.Load(options.Value, failures);
        return failures.Count == 0 ? credentials : throw new OptionsValidationException(ReactorOptions.Section, typeof(ReactorOptions), failures);
    });

    public bool Required => _credentials.Value.Count > 0;

    public IReadOnlyList<ApiCredential> All => _credentials.Value;

    /// <summary>The token whose secret this is. Secrets are compared as hashes, in fixed time.</summary>
    public ApiCredential? Find(string secret)
    {
        var hash = ApiTokenLoader.Hash(secret);
        ApiCredential? found = null;
        foreach (var credential in _credentials.Value)
        {
            // Every token is compared, so the time taken does not say which one matched.
            if (CryptographicOperations.FixedTimeEquals(hash, credential.SecretHash))
            {
                found = credential;
            }
        }

        return found;
    }

    public ApiCredential? Named(string name) => _credentials.Value.FirstOrDefault(c => c.Name == name);
}
