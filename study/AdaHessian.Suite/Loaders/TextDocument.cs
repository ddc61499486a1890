namespace AdaHessian.Suite.Loaders;

/// <summary>One labelled text document.</summary>
/// <param name="Text">The document text.</param>
/// <param name="Label">True for the positive class.</param>
internal readonly record struct TextDocument(string Text, bool Label);
