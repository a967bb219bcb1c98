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
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.Reactions;
using Microsoft.Extensions.Logging;
using Polly;

namespace EventReactor.Reactor.Processing;

/// <summary>
/// Runs one planned action exactly once per event: claims it in the ledger, runs it with its retry policy, and
/// records the end with the event it fired, if any, for the outbox. An action that still fails is recorded as failed and
/// announced as <c>reactor/action/failed</c>, stored the same way. An <see cref="IEffectFreeAction"/> runs first and is
/// claimed and recorded in one write: one ledger transaction per event instead of two.
/// </summary>
internal sealed partial class ActionExecutor(
    ActionRegistry actions,
    IReactionLedger ledger,
    RetryPipelines retries,
    OutboxSignal outbox,
    ILogger<ActionExecutor> logger)
{
    public const string FailedTag = ReactorTags.ActionFailed;

    public async Task<ActionAudit> ExecuteAsync(EventEnvelope envelope, Rule rule, PlannedAction planned, CancellationToken cancellationToken)
    {
        var action = planned.Action;
        var arguments = planned.Arguments is null ? (JsonElement?)null : CelValues.ToJson(planned.Arguments);
        var handler = actions.Get(action.Name);
        if (handler is IEffectFreeAction)
        {
            return await RunThenRecordAsync(envelope, rule, planned, handler, arguments, cancellationToken);
        }

        ReactionClaim? claim;
        try
        {
            claim = await retries.HeldClaim.ExecuteAsync(token => new ValueTask<ReactionClaim?>(ledger.TryClaimAsync(envelope.Id, rule.Name, planned.Index, token)), cancellationToken);
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
        var attempts = new Attempts();
        try
        {
            var result = await RunAsync(envelope, rule, planned, handler, attempts, cancellationToken);
            if (!await ledger.CompleteAsync(claim, succeeded: true, result.Fired, cancellationToken))
            {
                return TakenOver(claim, action, arguments, attempts.Count, started);
            }

            if (result.Fired is not null)
            {
                outbox.Notify();
            }

            LogActed(logger, rule.Name, action.Name, envelope.Tag, envelope.Id, result.Summary);
            Record(action.Name, ActionStatus.Done, started);
            return new ActionAudit(action.Name, action.Location.ToString(), arguments, ActionStatus.Done, result.Summary, null, attempts.Count, Elapsed(started));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ledger.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            LogFailed(logger, rule.Name, action.Name, action.Location.ToString(), envelope.Id, attempts.Count, ex.Message);
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            if (!await ledger.CompleteAsync(claim, succeeded: false, Failure(envelope, rule, planned, ex.Message, attempts.Count), cancellationToken))
            {
                return TakenOver(claim, action, arguments, attempts.Count, started);
            }

            outbox.Notify();
            Record(action.Name, ActionStatus.Failed, started);
            return new ActionAudit(action.Name, action.Location.ToString(), arguments, ActionStatus.Failed, null, ex.Message, attempts.Count, Elapsed(started));
        }
    }

    // Nothing is claimed while it runs: a crash before the record leaves no trace, and the redelivery runs it again.
    private async Task<ActionAudit> RunThenRecordAsync(EventEnvelope envelope, Rule rule, PlannedAction planned, IActionHandler handler, JsonElement? arguments, CancellationToken cancellationToken)
    {
        var action = planned.Action;
        using var span = EventReactorTelemetry.Source.StartActivity($"action {action.Name}");
        var started = Stopwatch.GetTimestamp();
        var attempts = new Attempts();
        ActionResult? result = null;
        string? error = null;
        try
        {
            result = await RunAsync(envelope, rule, planned, handler, attempts, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = ex.Message;
        }

        var emitted = error is null ? result!.Fired : Failure(envelope, rule, planned, error, attempts.Count);
        bool recorded;
        try
        {
            recorded = await retries.HeldClaim.ExecuteAsync(
                token => new ValueTask<bool>(ledger.RecordOnceAsync(envelope.Id, rule.Name, planned.Index, error is null, emitted, token)),
                cancellationToken);
        }
        catch (ClaimHeldException)
        {
            return new ActionAudit(action.Name, action.Location.ToString(), arguments, ActionStatus.Duplicate, "running on another live reactor", null, 0, 0);
        }

        if (!recorded)
        {
            return new ActionAudit(action.Name, action.Location.ToString(), arguments, ActionStatus.Duplicate, "already acted on this event", null, 0, 0);
        }

        if (emitted is not null)
        {
            outbox.Notify();
        }

        if (error is not null)
        {
            LogFailed(logger, rule.Name, action.Name, action.Location.ToString(), envelope.Id, attempts.Count, error);
            span?.SetStatus(ActivityStatusCode.Error, error);
            Record(action.Name, ActionStatus.Failed, started);
            return new ActionAudit(action.Name, action.Location.ToString(), arguments, ActionStatus.Failed, null, error, attempts.Count, Elapsed(started));
        }

        LogActed(logger, rule.Name, action.Name, envelope.Tag, envelope.Id, result!.Summary);
        Record(action.Name, ActionStatus.Done, started);
        return new ActionAudit(action.Name, action.Location.ToString(), arguments, ActionStatus.Done, result.Summary, null, attempts.Count, Elapsed(started));
    }

    private Task<ActionResult> RunAsync(EventEnvelope envelope, Rule rule, PlannedAction planned, IActionHandler handler, Attempts attempts, CancellationToken cancellationToken)
    {
        var invocation = planned.Arguments is { } rendered
            ? new ActionInvocation(envelope, rule, planned.Action, rendered)
            : throw new ActionArgumentException($"arguments could not be rendered: {planned.RenderError}");
        return retries.For(planned.Retry).ExecuteAsync(
            async token =>
            {
                if (++attempts.Count > 1)
                {
                    LogRetrying(logger, rule.Name, planned.Action.Name, envelope.Id, attempts.Count, planned.Retry.Attempts);
                }

                return await handler.ExecuteAsync(invocation, token);
            },
            cancellationToken).AsTask();
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
