using EventReactor.Contracts;
using EventReactor.Core.Expressions;
using EventReactor.Core.Rules;
using EventReactor.Reactor.Actions;
using EventReactor.Reactor.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Processing;

/// <summary>Matches one event against the rules in force and runs the actions of every rule that holds.</summary>
internal sealed partial class EventProcessor(
    RuleSetProvider rules,
    ActionRegistry actions,
    IOptions<ReactorOptions> options,
    ILogger<EventProcessor> logger)
{
    public async Task ProcessAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var ruleSet = rules.Current;
        var scope = new EvaluationScope(envelope);
        foreach (var rule in ruleSet.Match(envelope.Tag))
        {
            if (!rule.Enabled)
            {
                continue;
            }

            if (envelope.Depth > options.Value.MaxDepth)
            {
                LogDepthExceeded(logger, rule.Name, envelope.Tag, envelope.Id, envelope.Depth, options.Value.MaxDepth);
                continue;
            }

            var ruleScope = scope.WithVars(rule.Vars);
            if (!ConditionHolds(rule, ruleScope, envelope))
            {
                continue;
            }

            await RunActionsAsync(rule, ruleScope, envelope, cancellationToken);
        }
    }

    private bool ConditionHolds(Rule rule, EvaluationScope scope, EventEnvelope envelope)
    {
        if (rule.When is null)
        {
            return true;
        }

        try
        {
            var holds = rule.When.EvaluateCondition(scope);
            if (!holds)
            {
                LogConditionFalse(logger, rule.Name, envelope.Tag, envelope.Id, rule.When.Text);
            }

            return holds;
        }
        catch (ExpressionException ex)
        {
            LogConditionError(logger, rule.Name, envelope.Tag, envelope.Id, ex.Message);
            return false;
        }
    }

    private async Task RunActionsAsync(Rule rule, EvaluationScope scope, EventEnvelope envelope, CancellationToken cancellationToken)
    {
        foreach (var action in rule.Actions)
        {
            try
            {
                var arguments = action.RenderArguments(scope);
                var result = await actions.Get(action.Name).ExecuteAsync(new ActionInvocation(envelope, rule, action, arguments), cancellationToken);
                LogActed(logger, rule.Name, action.Name, envelope.Tag, envelope.Id, result.Summary);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failing action does not stop the rule's other actions, nor other rules.
                LogActionFailed(logger, ex, rule.Name, action.Name, action.Location.ToString(), envelope.Id, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "[{Rule}] {Action} on {Tag} ({EventId}): {Summary}")]
    private static partial void LogActed(ILogger logger, string rule, string action, string tag, string eventId, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "[{Rule}] {Action} at {Location} failed for event {EventId}: {Reason}")]
    private static partial void LogActionFailed(ILogger logger, Exception exception, string rule, string action, string location, string eventId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "[{Rule}] not acting on {Tag} ({EventId}): condition false: {Condition}")]
    private static partial void LogConditionFalse(ILogger logger, string rule, string tag, string eventId, string condition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "[{Rule}] not acting on {Tag} ({EventId}): condition error: {Reason}")]
    private static partial void LogConditionError(ILogger logger, string rule, string tag, string eventId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "[{Rule}] not acting on {Tag} ({EventId}): causation depth {Depth} exceeds the limit {MaxDepth}")]
    private static partial void LogDepthExceeded(ILogger logger, string rule, string tag, string eventId, int depth, int maxDepth);
}
