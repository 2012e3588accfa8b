namespace T; public class A { [Fact] public void X() => 1.ShouldBe(1); }
