namespace EventReactor.Core.Evaluation;

/// <summary>Decides whether a throttled rule may act now for a key; passing counts as acting.</summary>
public interface IThrottleGate
{
    bool TryPass(string rule, string key, TimeSpan window);
}
