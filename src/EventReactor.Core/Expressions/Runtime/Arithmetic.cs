namespace EventReactor.Core.Expressions.Runtime;

/// <summary><c>+ - * / %</c> and unary minus as CEL defines them: no implicit conversions, errors on overflow and division by zero.</summary>
internal static class Arithmetic
{
    public static object Apply(BinaryOperator op, object? left, object? right)
    {
        try
        {
            return (left, right) switch
            {
                (long x, long y) => Integer(op, x, y),
                (double x, double y) => Real(op, x, y),
                (ulong x, ulong y) => Unsigned(op, x, y),
                (string x, string y) when op == BinaryOperator.Add => string.Concat(x, y),
                (CelBytes x, CelBytes y) when op == BinaryOperator.Add => new CelBytes([.. x.Value, .. y.Value]),
                (CelTimestamp x, CelDuration y) when op == BinaryOperator.Add => CelTimestamp.Checked(x.Nanos + y.Nanos),
                (CelDuration x, CelTimestamp y) when op == BinaryOperator.Add => CelTimestamp.Checked(x.Nanos + y.Nanos),
                (CelTimestamp x, CelDuration y) when op == BinaryOperator.Subtract => CelTimestamp.Checked(x.Nanos - y.Nanos),
                (CelTimestamp x, CelTimestamp y) when op == BinaryOperator.Subtract => CelDuration.Checked(x.Nanos - y.Nanos),
                (CelDuration x, CelDuration y) when op == BinaryOperator.Add => CelDuration.Checked(x.Nanos + y.Nanos),
                (CelDuration x, CelDuration y) when op == BinaryOperator.Subtract => CelDuration.Checked(x.Nanos - y.Nanos),
                _ when op == BinaryOperator.Add && RuntimeValues.IsList(left) && RuntimeValues.IsList(right) =>
                    (List<object?>)[.. ValueAccess.Range(left), .. ValueAccess.Range(right)],
                _ => throw CelError.NoOverload(Symbol(op), left, right),
            };
        }
        catch (OverflowException)
        {
            throw new CelError("return error for overflow");
        }
    }

    public static object Negate(object? value) => value switch
    {
        long number when number != long.MinValue => -number,
        long => throw new CelError("return error for overflow"),
        double number => -number,
        CelDuration duration => CelDuration.Checked(-duration.Nanos),
        _ => throw CelError.NoOverload("-", value),
    };

    private static object Integer(BinaryOperator op, long x, long y) => op switch
    {
        BinaryOperator.Add => checked(x + y),
        BinaryOperator.Subtract => checked(x - y),
        BinaryOperator.Multiply => checked(x * y),
        BinaryOperator.Divide => y == 0 ? throw new CelError("division by zero") : x == long.MinValue && y == -1 ? throw new OverflowException() : x / y,
        _ => y == 0 ? throw new CelError("modulus by zero") : x == long.MinValue && y == -1 ? throw new OverflowException() : x % y,
    };

    private static object Real(BinaryOperator op, double x, double y) => op switch
    {
        BinaryOperator.Add => x + y,
        BinaryOperator.Subtract => x - y,
        BinaryOperator.Multiply => x * y,
        BinaryOperator.Divide => x / y,
        _ => throw CelError.NoOverload("%", x, y),
    };

    private static object Unsigned(BinaryOperator op, ulong x, ulong y) => op switch
    {
        BinaryOperator.Add => checked(x + y),
        BinaryOperator.Subtract => checked(x - y),
        BinaryOperator.Multiply => checked(x * y),
        BinaryOperator.Divide => y == 0 ? throw new CelError("division by zero") : x / y,
        _ => y == 0 ? throw new CelError("modulus by zero") : x % y,
    };

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => "%",
    };
}
