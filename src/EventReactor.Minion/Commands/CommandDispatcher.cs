using System.Diagnostics;
using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Jobs;
using EventReactor.Contracts.Minions;
using EventReactor.Messaging.Telemetry;
using EventReactor.Minion.Outbox;
using Microsoft.Extensions.Logging;

namespace EventReactor.Minion.Commands;

/// <summary>
/// Runs a command's function and publishes <c>job/&lt;jid&gt;/ret/&lt;minion&gt;</c> with success, return code, return data
/// and duration. An unknown function, a bad argument or a policy denial is a failed return that says why.
/// </summary>
internal sealed partial class CommandDispatcher(IEnumerable<IMinionFunction> functions, IMinionOutbox outbox, ILogger<CommandDispatcher> logger)
{
    private readonly Dictionary<string, IMinionFunction> _functions = functions.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public async Task DispatchAsync(MinionCommand command, CancellationToken cancellationToken)
    {
        using var span = EventReactorTelemetry.StartFrom($"command {command.Function}", ActivityKind.Consumer, command.TraceParent);
        var started = Stopwatch.GetTimestamp();
        FunctionResult result;
        string? error = null;
        try
        {
            result = _functions.TryGetValue(command.Function, out var function)
                ? await function.ExecuteAsync(new FunctionArguments(command.Function, command.Arguments), new CommandContext(command.Jid, command.Minion), cancellationToken)
                : throw new FunctionFailedException($"unknown function '{command.Function}'; this minion runs {string.Join(", ", _functions.Keys.Order(StringComparer.Ordinal))}");
        }
        catch (FunctionFailedException ex)
        {
            error = ex.Message;
            result = new FunctionResult(false, 1, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = $"{command.Function} failed: {ex.GetBaseException().Message}";
            result = new FunctionResult(false, 1, null);
        }

        var duration = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogReturned(logger, command.Jid, command.Function, result.Success, result.RetCode, duration, error ?? string.Empty);
        await ReturnAsync(command, result, error, duration, cancellationToken);
    }

    /// <summary>Answers a command that was not run with a failed return that says why.</summary>
    public Task RefuseAsync(MinionCommand command, string reason, CancellationToken cancellationToken) =>
        ReturnAsync(command, new FunctionResult(false, 1, null), reason, 0, cancellationToken);

    private async Task ReturnAsync(MinionCommand command, FunctionResult result, string? error, double duration, CancellationToken cancellationToken)
    {
        // The return keeps the JSON each function's value has always had (its own property names, written as they are).
        var data = EventData.ToElement(new JobReturned(
            command.Jid,
            command.Minion,
            command.Function,
            result.Success,
            result.RetCode,
            result.Return is null ? null : JsonSerializer.SerializeToElement(result.Return),
            error,
            Math.Round(duration, 3)));
        var envelope = EventEnvelope.Create(JobTags.Return(command.Jid, command.Minion), MinionTags.Source(command.Minion), data, command.Minion) with
        {
            CausedBy = command.CausedBy,
            Depth = command.Depth + 1,
        };
        await outbox.AppendAsync(envelope, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Jid}: {Function} returned success={Success} retcode={RetCode} in {DurationMs:F0} ms {Error}")]
    private static partial void LogReturned(ILogger logger, string jid, string function, bool success, int retCode, double durationMs, string error);
}
