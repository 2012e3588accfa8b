namespace Dangjian.Core.Common;

/// <summary>What kind of rule an <see cref="Error"/> broke; the HTTP edge maps it to a status code.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>
/// A broken rule, as a value. <paramref name="Message"/> is the Chinese sentence the user sees;
/// <paramref name="Field"/> names the input it belongs to, when there is one.
/// </summary>
public record Error(ErrorKind Kind, string Code, string Message, string? Field = null)
{
    public static Error Validation(string code, string message, string? field = null) => new(ErrorKind.Validation, code, message, field);
    public static Error NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);
    public static Error Forbidden(string message = "没有权限访问该组织的数据") => new(ErrorKind.Forbidden, "forbidden", message);
    public static Error Conflict(string code, string message, string? field = null) => new(ErrorKind.Conflict, code, message, field);
}

/// <summary>Either a value or one or more errors. Validation may report several errors at once.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T value)
    {
        _value = value;
        Errors = [];
    }

    private Result(IReadOnlyList<Error> errors)
    {
        _value = default;
        Errors = errors;
    }

    public IReadOnlyList<Error> Errors { get; }
    public bool IsSuccess => Errors is null || Errors.Count == 0;
    public Error FirstError => Errors[0];

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("结果是错误，没有值：" + Errors[0].Message);

    public static Result<T> Success(T value) => new(value);
    public static Result<T> Failure(Error error) => new([error]);
    public static Result<T> Failure(IReadOnlyList<Error> errors) =>
        errors.Count == 0 ? throw new ArgumentException("至少需要一个错误", nameof(errors)) : new(errors);

    public static implicit operator Result<T>(T value) => Success(value);
    public static implicit operator Result<T>(Error error) => Failure(error);
}

/// <summary>The value of a command that returns nothing but success.</summary>
public readonly record struct Done
{
    public static readonly Done Value = default;
}
