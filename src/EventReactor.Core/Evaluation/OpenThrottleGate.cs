namespace EventReactor.Core.Evaluation;

/// <summary>Never throttles: for dry runs, which have no history.</summary>
public sealed class OpenThrottleGate : IThrottleGate
{
    public static OpenThrottleGate Instance { get; } = new();

    public bool TryPass(string rule, string key, TimeSpan window) => true;
}
