package dev.deskflow.gateway;

import java.time.Duration;

import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.TcpClient;
import reactor.netty.tcp.TcpServer;

/**
 * A TCP proxy in front of the real Redis that holds back every reply by a fixed delay:
 * Redis slow rather than down. Replies keep their order; each one is delayed on its own,
 * so the proxy adds latency without limiting throughput.
 */
final class SlowRedis implements AutoCloseable {

	private final LoopResources loops = LoopResources.create("slow-redis", 1, true);

	private final DisposableServer server;

	SlowRedis(int redisPort, Duration replyDelay) {
		TcpClient redis = TcpClient.create().runOn(this.loops).host("127.0.0.1").port(redisPort);
		this.server = TcpServer.create()
			.runOn(this.loops)
			.host("127.0.0.1")
			.port(0)
			.handle((in, out) -> redis.connect().flatMap((Connection upstream) -> {
				Mono<Void> requests = upstream.outbound().send(in.receive().retain()).then();
				Mono<Void> replies = out
					.send(upstream.inbound()
						.receive()
						.retain()
						.flatMapSequential((reply) -> Mono.delay(replyDelay).thenReturn(reply)))
					.then();
				return Mono.when(requests, replies).doFinally((signal) -> upstream.dispose());
			}))
			.bindNow();
	}

	int port() {
		return this.server.port();
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.dispose();
	}

}
