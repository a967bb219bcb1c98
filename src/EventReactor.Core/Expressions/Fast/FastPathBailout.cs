namespace EventReactor.Core.Expressions.Fast;

/// <summary>
/// Raised when the fast path meets anything it does not handle exactly as the Cel package does (an
/// error, a mixed-type operation, an unusual value); the expression is then evaluated by the package.
/// </summary>
internal sealed class FastPathBailout : Exception
{
    // Bailing out is rare (errors, odd data), so one shared instance keeps it cheap.
    private static readonly FastPathBailout Instance = new();

    private FastPathBailout()
        : base("the fast path defers to the Cel package")
    {
    }

    public static object? Raise() => throw Instance;

    public static T Raise<T>() => throw Instance;
}
