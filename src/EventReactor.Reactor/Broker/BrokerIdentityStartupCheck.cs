using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventReactor.Reactor.Broker;

/// <summary>
/// When broker identity is on, checks at start that the management API answers and that the reactor's bus user may
/// manage users (the <c>administrator</c> tag); start-up stops with a message saying what to fix otherwise.
/// </summary>
internal sealed partial class BrokerIdentityStartupCheck(BrokerAccounts accounts, RabbitManagementClient management, ILogger<BrokerIdentityStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!accounts.Enabled)
        {
            return;
        }

        var me = await management.WhoAmIAsync(cancellationToken);
        if (!me.Tags.Contains("administrator", StringComparer.Ordinal))
        {
            throw new BrokerIdentityException(
                $"{BrokerIdentityOptions.Section}:{nameof(BrokerIdentityOptions.Enabled)} needs the reactor's bus user '{management.ReactorUser}' (from Bus:Url) to be a RabbitMQ administrator, "
                + $"to create and delete minion users; it has the tags [{string.Join(", ", me.Tags)}]: `rabbitmqctl set_user_tags {management.ReactorUser} administrator` (see docs/security.md)");
        }

        LogReady(logger, management.ReactorUser);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Broker identity on: the reactor's bus user {User} manages one broker user per accepted minion")]
    private static partial void LogReady(ILogger logger, string user);
}
