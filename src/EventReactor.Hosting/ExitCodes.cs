namespace EventReactor.Hosting;

/// <summary>The exit codes of both executables.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}
