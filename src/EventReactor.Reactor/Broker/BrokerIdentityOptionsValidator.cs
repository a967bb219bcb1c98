using EventReactor.Messaging;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Broker;

internal sealed class BrokerIdentityOptionsValidator(IOptions<BusOptions> bus) : IValidateOptions<BrokerIdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, BrokerIdentityOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.ManagementUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{BrokerIdentityOptions.Section}:{nameof(BrokerIdentityOptions.ManagementUrl)} '{options.ManagementUrl}' must be an http:// or https:// URL (RabbitMQ's management API, e.g. http://127.0.0.1:15672)");
        }

        if (options.Enabled && bus.Value.Url.StartsWith(BusAddress.MemoryScheme + ":", StringComparison.Ordinal))
        {
            failures.Add($"{BrokerIdentityOptions.Section}:{nameof(BrokerIdentityOptions.Enabled)} needs RabbitMQ: {BusOptions.Section}:{nameof(BusOptions.Url)} is the in-memory bus, which has no users");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
