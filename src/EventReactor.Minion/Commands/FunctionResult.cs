namespace EventReactor.Minion.Commands;

/// <summary>What a function returned: success, a return code as in Salt, and return data.</summary>
internal sealed record FunctionResult(bool Success, int RetCode, object? Return)
{
    public static FunctionResult Ok(object? value) => new(true, 0, value);
}
