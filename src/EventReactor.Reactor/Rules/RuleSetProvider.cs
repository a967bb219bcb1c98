using EventReactor.Core.Rules;
using EventReactor.Reactor.Actions;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Rules;

/// <summary>Holds the rule set in force; a new set replaces it whole, so an evaluation always sees one consistent set.</summary>
internal sealed class RuleSetProvider(IOptions<ReactorOptions> options, ActionRegistry actions)
{
    private volatile RuleSet _current = RuleSet.Empty;

    public RuleSet Current => _current;

    /// <summary>The outcome of the latest load, valid or not.</summary>
    public RuleSetLoadResult? LastResult { get; private set; }

    /// <summary>When the latest load happened, valid or not.</summary>
    public DateTimeOffset? LastLoadedAt { get; private set; }

    /// <summary>Loads the rules folder; the set in force changes only when the whole new set is valid.</summary>
    public RuleSetLoadResult Reload()
    {
        var result = new RuleSetLoader(actions.Catalog).Load([options.Value.RulesPath]);
        LastResult = result;
        LastLoadedAt = DateTimeOffset.UtcNow;
        if (result.RuleSet is { } valid)
        {
            _current = valid;
        }

        return result;
    }
}
