namespace EventReactor.Core.Expressions.Fast;

/// <summary><c>+ - * / %</c> on two ints, two uints or two doubles, and <c>+</c> on strings; overflow and division by zero go to the package.</summary>
internal sealed class ArithmeticNode(BinaryOperator op, FastNode left, FastNode right) : FastNode
{
    public override object? Evaluate(FastContext context)
    {
        var a = left.Evaluate(context);
        var b = right.Evaluate(context);
        try
        {
            return (a, b) switch
            {
                (long x, long y) => Integer(x, y),
                (double x, double y) => Real(x, y),
                (string x, string y) when op == BinaryOperator.Add => string.Concat(x, y),
                (ulong x, ulong y) => Unsigned(x, y),
                _ => FastPathBailout.Raise(),
            };
        }
        catch (OverflowException)
        {
            return FastPathBailout.Raise();
        }
    }

    private object Integer(long x, long y) => op switch
    {
        BinaryOperator.Add => checked(x + y),
        BinaryOperator.Subtract => checked(x - y),
        BinaryOperator.Multiply => checked(x * y),
        BinaryOperator.Divide when y != 0 && !(x == long.MinValue && y == -1) => x / y,
        BinaryOperator.Modulo when y != 0 && !(x == long.MinValue && y == -1) => x % y,
        _ => FastPathBailout.Raise<object>(),
    };

    private object Real(double x, double y) => op switch
    {
        BinaryOperator.Add => x + y,
        BinaryOperator.Subtract => x - y,
        BinaryOperator.Multiply => x * y,
        BinaryOperator.Divide when y != 0 => x / y,
        _ => FastPathBailout.Raise<object>(),
    };

    private object Unsigned(ulong x, ulong y) => op switch
    {
        BinaryOperator.Add => checked(x + y),
        BinaryOperator.Subtract => checked(x - y),
        BinaryOperator.Multiply => checked(x * y),
        BinaryOperator.Divide when y != 0 => x / y,
        BinaryOperator.Modulo when y != 0 => x % y,
        _ => FastPathBailout.Raise<object>(),
    };
}
