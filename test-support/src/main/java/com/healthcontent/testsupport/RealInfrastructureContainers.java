package com.healthcontent.testsupport;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The production images, at the versions docker-compose.yml runs. */
public interface RealInfrastructureContainers {

    @ServiceConnection
    MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @ServiceConnection
    KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");
}
