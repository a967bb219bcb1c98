using System.Diagnostics;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Core.Evaluation;
using EventReactor.Messaging.Telemetry;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Keys;
using EventReactor.Reactor.Rules;
using Microsoft.Extensions.Logging;

namespace EventReactor.Reactor.Processing;

/// <summary>Evaluates one event against the rules in force, runs the actions of the rules that act, and audits every rule whose tag matched.</summary>
internal sealed partial class EventProcessor(
    RuleSetProvider rules,
    RuleEvaluator evaluator,
    ActionExecutor executor,
    IAuditLog audit,
    MinionEventTrust trust,
    TimeProvider time,
    ILogger<EventProcessor> logger)
{
    public async Task ProcessAsync(EventEnvelope envelope, EventSender sender, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        if (await trust.VerdictAsync(envelope, sender, cancellationToken) is { } refused)
        {
            AuditNotActing(envelope, refused, at);
            return;
        }

        foreach (var verdict in evaluator.Evaluate(rules.Current, envelope))
        {
            using var span = EventReactorTelemetry.Source.StartActivity($"rule {verdict.Rule.Name}");
            span?.SetTag("rule.location", verdict.Rule.Location.ToString());
            var started = Stopwatch.GetTimestamp();
            var outcome = verdict.Outcome;
            var actions = new List<ActionAudit>(verdict.Actions.Count);
            foreach (var planned in verdict.Actions)
            {
                try
                {
                    actions.Add(await executor.ExecuteAsync(envelope, verdict.Rule, planned, cancellationToken));
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && actions.Count > 0)
                {
                    // The delivery was given up between two actions (the reactor stopping, or its broker connection
                    // lost): the redelivery finds the earlier ones in the ledger, so only this audit says who ran them
                    // (or had their completion refused).
                    var interrupted = $"interrupted after {actions.Count} of {verdict.Actions.Count} actions: the delivery was cancelled and the event goes to another evaluation";
                    audit.Record(Audited(envelope, verdict, Outcome(outcome, actions), interrupted, actions, at, started));
                    throw;
                }
            }

            outcome = Outcome(outcome, actions);
            span?.SetTag("rule.outcome", outcome.ToWire());
            EventReactorTelemetry.RuleEvaluations.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToWire()));
            Log(verdict, outcome, envelope);
            audit.Record(Audited(envelope, verdict, outcome, verdict.Detail, actions, at, started));
        }
    }

    private static RuleOutcome Outcome(RuleOutcome evaluated, List<ActionAudit> actions) =>
        evaluated != RuleOutcome.Acted || actions.Count == 0 ? evaluated
        : actions.Any(a => a.Status == ActionStatus.Failed) ? RuleOutcome.Failed
        : actions.All(a => a.Status == ActionStatus.Duplicate) ? RuleOutcome.Duplicate
        : RuleOutcome.Acted;

    private static AuditRecord Audited(EventEnvelope envelope, RuleVerdict verdict, RuleOutcome outcome, string? detail, List<ActionAudit> actions, DateTimeOffset at, long started) => new(
        envelope.Id,
        envelope.Tag,
        verdict.Rule.Name,
        verdict.Rule.Location.ToString(),
        outcome,
        detail,
        actions,
        at,
        Stopwatch.GetElapsedTime(started).TotalMilliseconds);

    // Every rule whose tag matched is audited as not acting, without evaluating it (no condition, no throttle is touched).
    private void AuditNotActing(EventEnvelope envelope, TrustVerdict refused, DateTimeOffset at)
    {
        foreach (var rule in rules.Current.Match(envelope.Tag))
        {
            EventReactorTelemetry.RuleEvaluations.Add(1, new KeyValuePair<string, object?>("outcome", refused.Outcome.ToWire()));
            LogNotActingWarning(logger, rule.Name, envelope.Tag, envelope.Id, refused.Detail);
            audit.Record(new AuditRecord(envelope.Id, envelope.Tag, rule.Name, rule.Location.ToString(), refused.Outcome, refused.Detail, [], at, 0));
        }
    }

    private void Log(RuleVerdict verdict, RuleOutcome outcome, EventEnvelope envelope)
    {
        switch (outcome)
        {
            case RuleOutcome.ConditionError or RuleOutcome.DepthExceeded:
                LogNotActingWarning(logger, verdict.Rule.Name, envelope.Tag, envelope.Id, verdict.Detail ?? outcome.ToWire());
                break;
            case RuleOutcome.ConditionFalse or RuleOutcome.Throttled or RuleOutcome.Stopped or RuleOutcome.Disabled or RuleOutcome.Duplicate:
                LogNotActing(logger, verdict.Rule.Name, envelope.Tag, envelope.Id, verdict.Detail ?? outcome.ToWire());
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "[{Rule}] not acting on {Tag} ({EventId}): {Reason}")]
    private static partial void LogNotActing(ILogger logger, string rule, string tag, string eventId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "[{Rule}] not acting on {Tag} ({EventId}): {Reason}")]
    private static partial void LogNotActingWarning(ILogger logger, string rule, string tag, string eventId, string reason);
}
