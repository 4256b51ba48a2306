/// The nouns the screen counts, each with its English and Russian forms.
public enum Nouns {
    public static let cell = Noun("cell", ru: ("ячейка", "ячейки", "ячеек"))
    public static let channel = Noun("channel", ru: ("канал", "канала", "каналов"))
    /// After "of" / "из" (Russian genitive: "из 21 канала", "из 3 каналов").
    public static let channelOutOf = Noun("channel", ru: ("канала", "каналов", "каналов"))
    /// A term of the inspector's sum: one tap of the kernel window.
    public static let tap = Noun("tap", ru: ("слагаемое", "слагаемых", "слагаемых"))
    public static let inputTap = Noun("input tap", ru: ("слагаемое входа", "слагаемых входа", "слагаемых входа"))
    /// A tap on a padding ring that copies input values (reflect, replicate, circular).
    public static let paddingTap = Noun("padding tap", ru: ("слагаемое расширения", "слагаемых расширения", "слагаемых расширения"))
    public static let paddingZero = Noun("padding zero", ru: ("ноль расширения", "нуля расширения", "нулей расширения"))
    /// As the object of "feeds" (Russian accusative: "влияет на 1 выходную ячейку").
    public static let outputCellFed = Noun("output cell", ru: ("выходную ячейку", "выходные ячейки", "выходных ячеек"))
    /// The dense layer's outputs, K.
    public static let output = Noun("output", ru: ("выход", "выхода", "выходов"))
    public static let row = Noun("row", ru: ("строка", "строки", "строк"))
    public static let column = Noun("column", ru: ("столбец", "столбца", "столбцов"))
    public static let layer = Noun("layer", ru: ("слой", "слоя", "слоёв"))
}
