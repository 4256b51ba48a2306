import ConvCore
import ConvScopeApp
import Synchronization
import CConvKernels

/// What the run loop asks the engine to compute, one kind per screen.
public enum ComputeRequest: Sendable {
    /// A course layer's maps; a slow one computes `showing` (the part of its output in view) first.
    /// `onScreen` names the settings whose finished maps the state holds (`AppState.maps`): asked
    /// for again, nothing is computed and whatever runs for others stops.
    case layer(Conv2dSettings, showing: OutputRegion?, onScreen: Conv2dSettings? = nil)
    /// Every layer's values of a stack model (the stack screen), layer `selected`'s first.
    case stack(Model, selected: Int)
    /// The graph screen's values for a traced forward.
    case graph(GraphRequest)
}

/// A finished computation the engine hands back; the run loop turns it into an action.
public enum ComputeResult: Sendable {
    /// A layer's finished maps (the state keeps them; the engine only a few small ones).
    case maps(ComputedMaps)
    /// The part in view of a layer still being computed (`ComputedMaps.coverage` set).
    case preview(ComputedMaps)
    /// A stack model's values: up to the selected layer first (`StackRun.isComplete` false), then all.
    case stack(Model, StackRun)
    /// A graph request's values, and the effective field when it asked for one.
    case graph(GraphRequest, [String: GraphValue], field: [[Double]]?)

    /// The action that brings this result into the program's state.
    public var action: Action {
        switch self {
        case .maps(let maps), .preview(let maps): .computed(maps)
        case .stack(let model, let values): .stackComputed(model, values)
        case .graph(let request, let values, let field): .graphComputed(request, values, field: field)
        }
    }
}

/// The one place the screens' computations run: small ones at once, the rest on the background
/// threads, each kind with at most one wanted job that the next request of its kind supersedes.
/// Finished work comes back through one mailbox, tagged with its job's ticket, and is taken by
/// `take()` on the loop's turn (`LoopWakeup` wakes the loop when something is posted).
///
/// Not Sendable, by design: it belongs to the run loop's thread, and everything it keeps is read
/// and written there alone. Background work sees only what it is handed (the Sendable mailbox,
/// its `CancelToken`, the layer's `LayerTensors`), which the compiler checks.
public final class Engine {
    /// Work below this many tensor elements is computed inline: it takes well under a frame.
    public static let inlineLimit = 400_000
    /// Layers whose general path does more multiply-adds than this (about 10 ms on two cores, with
    /// a 1024² input and output of 16 channels to draw and scan besides)
    /// show the visible region first: its values, or the block means of the whole map.
    public static let previewMultiplyAdds = 1_000_000_000
    /// Stack models below this many multiplications and map values are computed inline.
    public static let inlineMultiplications = 2_000_000, inlineValues = 400_000

    let mailbox = EngineMailbox()
    /// The wanted job of each kind; a result whose ticket is not here was superseded.
    var jobs: [JobKind: Job] = [:]
    private var lastTicket: UInt64 = 0

    // The course layer (Engine+Layer.swift). Finished maps live in the state; the engine keeps
    // only the cache of small ones, which share their arrays with the state's.
    var cache: [ComputedMaps] = []
    /// The running layer and the tensors its previews share.
    var runningLayer: (layer: Conv2dSettings, tensors: LayerTensors)?
    /// The region last asked to be shown first for the running layer.
    var previewRegion: OutputRegion?
    let previewMultiplyAdds: Int
    /// Previews of the regions shown run one at a time, in their own threads (the whole layer's
    /// workers sleep while one runs).
    let previewLane = BuildGate()
    /// One layer's tensors are built at a time, and a layer the keys have stepped past builds
    /// none: twenty quick keys at 1024² random 64 channels (each input alone is 268 MB) built
    /// several at once and peaked at 1.4 GB. The computations themselves still overlap while a
    /// stale one stops, so a key never waits for one (a serial queue cost key → heatmaps ~1 ms).
    let buildGate = BuildGate()
    /// The small workspace the layer's computations reuse between keys.
    let keptWorkspace = KeptWorkspace()

    // The stack and graph screens (Engine+Models.swift).
    var runningModel: Model?
    /// The layer the running stack job delivers next (Engine+Stack.swift).
    var stackWanted: WantedLayer?
    var runningGraph: GraphRequest?

    /// An engine with nothing computed yet; `previewMultiplyAdds` sets which layers get a preview.
    public init(previewMultiplyAdds: Int = Engine.previewMultiplyAdds) {
        self.previewMultiplyAdds = previewMultiplyAdds
        // Maps of a megabyte and more go back to the system when freed. glibc would otherwise
        // raise this threshold to the largest block freed so far and keep every later map in
        // its heaps (one per thread) after use: 73–77 MiB peak at 1024² instead of ~45.
        _ = convscope_return_blocks_from(Self.returnedBlockBytes)
    }

    /// A computation nobody can take any more stops (a run loop that ended, a test).
    deinit { for job in jobs.values { job.token.cancel() } }

    /// Blocks at least this large are mapped and unmapped on their own (glibc's M_MMAP_THRESHOLD).
    static let returnedBlockBytes: Int32 = 1 << 20

    /// Starts (or keeps) the computation of `request`; returns what is ready at once (small work,
    /// a cached layer). The rest arrives through `take()`.
    public func request(_ request: ComputeRequest) -> [ComputeResult] {
        switch request {
        case .layer(let layer, let region, let onScreen): requestLayer(layer, showing: region, onScreen: onScreen)
        case .stack(let model, let selected): requestStack(model, selected: selected)
        case .graph(let graph): requestGraph(graph)
        }
    }

    /// True while a wanted background computation runs (the screen shows its spinner).
    public var isComputing: Bool { jobs[.layer] != nil || jobs[.stack] != nil || jobs[.graph] != nil }

    /// The finished background results still wanted, oldest first; superseded ones are dropped.
    /// A small layer's finished maps are kept in the cache as they are taken.
    public func take() -> [ComputeResult] {
        stackWanted?.loopTook()
        return mailbox.takeAll().compactMap { delivery in
            let current = jobs[delivery.kind]?.ticket == delivery.ticket
            // A graph's superseded values are still taken: the screen keeps the rows left since.
            guard current || delivery.kind.keepsSupersededResults else { return nil }
            if current && delivery.endsJob { jobs[delivery.kind] = nil }
            switch delivery.result {
            case .maps(let maps): finishLayer(maps)
            case .preview: break
            case .stack: if delivery.endsJob { finishStack() }
            case .graph: if current { runningGraph = nil }
            }
            return delivery.result
        }
    }

    /// Makes the job of `kind` the wanted one, superseding the one before: a layer's and a
    /// stack's are cancelled (their results would be dropped), a graph's runs on.
    func start(_ kind: JobKind) -> Job {
        if !kind.keepsSupersededResults { jobs[kind]?.token.cancel() }
        lastTicket += 1
        let job = Job(kind: kind, ticket: lastTicket, token: CancelToken())
        jobs[kind] = job
        return job
    }

    /// Cancels the job of `kind`, if any.
    func cancel(_ kind: JobKind) {
        jobs[kind]?.token.cancel()
        jobs[kind] = nil
    }

    /// Runs `work` for `job` on a thread of its own (`BackgroundThread`); its result, if any and
    /// still wanted when done, is posted under the job's ticket.
    func run(_ job: Job, _ work: @escaping @Sendable () -> ComputeResult?) {
        BackgroundThread.start { [mailbox] in
            guard let result = work(), !job.token.isCancelled else { return }
            mailbox.post(job.delivery(result))
        }
    }
}

/// The kinds of job; each has at most one wanted at a time.
enum JobKind: Hashable, Sendable {
    case layer, preview, stack, graph

    /// A graph's values for a row left since are kept by the screen; other kinds' are stale.
    var keepsSupersededResults: Bool { self == .graph }
}

/// One wanted computation: its ticket tags its result, its token stops it.
struct Job: Sendable {
    let kind: JobKind, ticket: UInt64, token: CancelToken

    /// `result` tagged as this job's.
    func delivery(_ result: ComputeResult) -> Delivery { Delivery(kind: kind, ticket: ticket, result: result) }
}

/// A result on its way to the loop's thread.
struct Delivery: Sendable {
    let kind: JobKind, ticket: UInt64, result: ComputeResult
}

/// The one slot list background work leaves its results in; posting wakes the loop.
final class EngineMailbox: Sendable {
    private let deliveries = Mutex<[Delivery]>([])

    /// Leaves `delivery` for the loop and wakes it.
    func post(_ delivery: Delivery) {
        deliveries.withLock { $0.append(delivery) }
        LoopWakeup.shared.wake()
    }

    /// Everything posted since the last call, oldest first.
    func takeAll() -> [Delivery] {
        deliveries.withLock { list in defer { list = [] }; return list }
    }
}
