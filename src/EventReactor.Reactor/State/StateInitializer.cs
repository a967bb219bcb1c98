using EventReactor.Reactor.Metrics;
using EventReactor.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventReactor.Reactor.State;

/// <summary>
/// Brings the state database (SQLite or PostgreSQL) and <c>metrics.db</c> to their schemas in the host's starting phase, which ends before any
/// hosted service starts, so nothing depends on the order in which services are registered.
/// </summary>
internal sealed partial class StateInitializer(IStateDatabase state, MetricsDatabase metrics, TimeProvider time, ILogger<StateInitializer> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        Migrate(state.Migrate(time), state.Location);
        Migrate(metrics.Migrate(time), metrics.FilePath);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Migrate(IReadOnlyList<Migration> applied, string location)
    {
        foreach (var migration in applied)
        {
            LogMigrated(logger, migration.Version, migration.Description, location);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated to version {Version} ({Description}) at {Location}")]
    private static partial void LogMigrated(ILogger logger, int version, string description, string location);
}
