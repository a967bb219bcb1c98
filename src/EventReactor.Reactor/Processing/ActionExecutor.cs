using System.Diagnostics;
using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Contracts.Reactor;
using EventReactor.Core.Evaluation;
using EventReactor.Core.Expressions;
using EventReactor.Core.Rules;
using EventReactor.Messaging.Telemetry;
using EventReactor.Reactor.Actions;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.Reactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace EventReactor.Reactor.Processing;

/// <summary>
/// Runs one planned action exactly once per event: claims it in the ledger, runs it with its retry policy, and
/// records the end with the event it fired, if any, for the outbox. An action that still fails is recorded as failed and
/// announced as <c>reactor/action/failed</c>, stored the same way.
/// </summary>
internal sealed partial class ActionExecutor(
    ActionRegistry actions,
    IReactionLedger ledger,
    RetryPipelines retries,
    OutboxSignal outbox,
    IOptions<LeaseOptions> leases,
    ILogger<ActionExecutor> logger)
{
    public const string FailedTag = ReactorTags.ActionFailed;

    private readonly ResiliencePipeline _heldClaim = RetryPipelines.ForHeldClaim(leases.Value);

    public async Task<ActionAudit> ExecuteAsync(EventEnvelope envelope, Rule rule, PlannedAction planned, CancellationToken cancellationToken)
    {
        var action = planned.Action;
        var arguments = planned.Arguments is null ? (JsonElement?)null : CelValues.ToJson(planned.Arguments);
        ReactionClaim? claim;
        try
        {
            claim = await _heldClaim.ExecuteAsync(token => new ValueTask<ReactionClaim?>(ledger.TryClaimAsync(envelope.Id, rule.Name, planned.Index, token)), cancellationToken);
        }
        catch (ClaimHeldException)
        {
            // Its owner kept renewing its lease all along: it is alive and will complete the action itself.
            return new ActionAudit(action.Name, action.Location.ToString(), arguments, ActionStatus.Duplicate, "running on another live reactor", null, 0, 0);
        }

        if (claim is null)
        {
            return new ActionAudit(action.Name, action.Location.ToString(), arguments, ActionStatus.Duplicate, "already acted on this event", null, 0, 0);
        }

        using var span = EventReactorTelemetry.Source.StartActivity($"action {action.Name}");
        var started = Stopwatch.GetTimestamp();
        var attempts = 0;
        try
        {
            var invocation = planned.Arguments is { } rendered
                ? new ActionInvocation(envelope, rule, action, rendered)
                : throw new ActionArgumentException($"arguments could not be rendered: {planned.RenderError}");
            var handler = actions.Get(action.Name);
            var result = await retries.For(planned.Retry).ExecuteAsync(
                async token =>
                {
                    if (++attempts > 1)
                    {
                        LogRetrying(logger, rule.Name, action.Name, envelope.Id, attempts, planned.Retry.Attempts);
                    }

                    return await handler.ExecuteAsync(invocation, token);
                },
                cancellationToken);
            if (!await ledger.CompleteAsync(claim, succeeded: true, result.Fired, cancellationToken))
            {
                return TakenOver(claim, action, arguments, attempts, started);
            }

            if (result.Fired is not null)
            {
                outbox.Notify();
            }

            LogActed(logger, rule.Name, action.Name, envelope.Tag, envelope.Id, result.Summary);
            Record(action.Name, ActionStatus.Done, started);
            return new ActionAudit(action.Name, action.Location.ToString(), arguments, ActionStatus.Done, result.Summary, null, attempts, Elapsed(started));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ledger.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            LogFailed(logger, rule.Name, action.Name, action.Location.ToString(), envelope.Id, attempts, ex.Message);
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            if (!await ledger.CompleteAsync(claim, succeeded: false, Failure(envelope, rule, planned, ex.Message, attempts), cancellationToken))
            {
                return TakenOver(claim, action, arguments, attempts, started);
            }

            outbox.Notify();
            Record(action.Name, ActionStatus.Failed, started);
            return new ActionAudit(action.Name, action.Location.ToString(), arguments, ActionStatus.Failed, null, ex.Message, attempts, Elapsed(started));
        }
    }

    // This reactor lost its claim while acting (it was paused or cut off past its liveness lease) and another reactor
    // took it over: the completion and the event it would emit were refused; the new owner's run is the one recorded.
    private ActionAudit TakenOver(ReactionClaim claim, RuleAction action, JsonElement? arguments, int attempts, long started)
    {
        LogTakenOver(logger, claim.Rule, action.Name, claim.EventId, claim.Owner, claim.Epoch);
        Record(action.Name, ActionStatus.Duplicate, started);
        return new ActionAudit(action.Name, action.Location.ToString(), arguments, ActionStatus.Duplicate, "taken over by another reactor; this run's completion was refused", null, attempts, Elapsed(started));
    }

    private static EventEnvelope Failure(EventEnvelope envelope, Rule rule, PlannedAction planned, string error, int attempts)
    {
        var data = EventData.ToElement(new ActionFailed(rule.Name, planned.Action.Name, planned.Action.Location.ToString(), new EventReference(envelope.Id, envelope.Tag), error, attempts));
        return EventReactorTelemetry.Stamp(envelope.CreateCaused(FailedTag, ReactorTags.Source, data));
    }

    private static void Record(string action, ActionStatus status, long started) =>
        EventReactorTelemetry.ActionDuration.Record(Elapsed(started), new KeyValuePair<string, object?>("action", action), new KeyValuePair<string, object?>("status", status.ToWire()));

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Information, Message = "[{Rule}] {Action} on {Tag} ({EventId}): {Summary}")]
    private static partial void LogActed(ILogger logger, string rule, string action, string tag, string eventId, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "[{Rule}] {Action} for event {EventId}: attempt {Attempt} of {Attempts}")]
    private static partial void LogRetrying(ILogger logger, string rule, string action, string eventId, int attempt, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "[{Rule}] {Action} for event {EventId}: the claim of {Owner} (epoch {Epoch}) was taken over by another reactor; its completion is refused")]
    private static partial void LogTakenOver(ILogger logger, string rule, string action, string eventId, string owner, long epoch);

    [LoggerMessage(Level = LogLevel.Error, Message = "[{Rule}] {Action} at {Location} failed for event {EventId} after {Attempts} attempts: {Reason}")]
    private static partial void LogFailed(ILogger logger, string rule, string action, string location, string eventId, int attempts, string reason);
}
