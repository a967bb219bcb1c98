namespace EventReactor.Core.Expressions.Fast;

/// <summary>
/// Raised when the fast path meets anything it does not handle exactly as the Cel package does (an
/// error, a mixed-type operation, an unusual value); the expression is then evaluated by the package.
/// </summary>
internal sealed class FastPathBailout : Exception
{
    private FastPathBailout()
        : base("the fast path defers to the Cel package")
    {
    }

    // A fresh instance each time: a shared one would have its stack trace written by several threads at once.
    public static object? Raise() => throw new FastPathBailout();

    public static T Raise<T>() => throw new FastPathBailout();
}
