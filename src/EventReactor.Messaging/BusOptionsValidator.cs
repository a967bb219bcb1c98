using Microsoft.Extensions.Options;

namespace EventReactor.Messaging;

internal sealed class BusOptionsValidator : IValidateOptions<BusOptions>
{
    private const string TlsKey = $"{BusOptions.Section}:{nameof(BusOptions.Tls)}";

    public ValidateOptionsResult Validate(string? name, BusOptions options)
    {
        var failures = new List<string>();
        try
        {
            var address = BusAddress.Parse(options.Url);
            if (address.Tls)
            {
                ValidateTls(options.Tls, failures);
            }
            else if (options.Tls.IsConfigured)
            {
                failures.Add($"{TlsKey} is set but {BusOptions.Section}:{nameof(BusOptions.Url)} is not amqps://, so it would not be used");
            }
        }
        catch (FormatException ex)
        {
            failures.Add($"{BusOptions.Section}:{nameof(BusOptions.Url)}: {ex.Message}");
        }

        if (options.ConcurrentMessageLimit < 1)
        {
            failures.Add($"{BusOptions.Section}:{nameof(BusOptions.ConcurrentMessageLimit)} must be at least 1");
        }

        if (options.MaxMessageBytes < 256 * 1024)
        {
            failures.Add($"{BusOptions.Section}:{nameof(BusOptions.MaxMessageBytes)} must be at least 262144 (256 KiB)");
        }

        if (options.Heartbeat is { } heartbeat && (heartbeat < TimeSpan.FromSeconds(1) || heartbeat > TimeSpan.FromSeconds(ushort.MaxValue) || heartbeat.Ticks % TimeSpan.TicksPerSecond != 0))
        {
            failures.Add($"{BusOptions.Section}:{nameof(BusOptions.Heartbeat)} must be whole seconds from 00:00:01 to 18:12:15 (AMQP counts it in seconds), got {heartbeat}");
        }

        if (options.PrefetchCount < 1)
        {
            failures.Add($"{BusOptions.Section}:{nameof(BusOptions.PrefetchCount)} must be at least 1");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Each file is read now, so that a missing or bad one stops start-up naming its key rather than failing every connection.
    private static void ValidateTls(BusTlsOptions tls, List<string> failures)
    {
        if (tls.CaFile is { Length: > 0 } ca)
        {
            try
            {
                CertificateTrust.Validator(ca);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or InvalidDataException)
            {
                failures.Add($"{TlsKey}:{nameof(BusTlsOptions.CaFile)} '{ca}': {ex.Message}");
            }
        }

        if (tls.CertificateFile is { Length: > 0 } != tls.KeyFile is { Length: > 0 })
        {
            failures.Add($"{TlsKey}:{nameof(BusTlsOptions.CertificateFile)} and {TlsKey}:{nameof(BusTlsOptions.KeyFile)} go together; give both or neither");
            return;
        }

        try
        {
            CertificateTrust.LoadPair(tls.CertificateFile, tls.KeyFile)?.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            failures.Add($"{TlsKey}:{nameof(BusTlsOptions.CertificateFile)} '{tls.CertificateFile}' with {nameof(BusTlsOptions.KeyFile)} '{tls.KeyFile}': {ex.Message}");
        }
    }
}
