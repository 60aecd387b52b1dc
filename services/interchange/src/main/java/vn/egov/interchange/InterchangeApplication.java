package vn.egov.interchange;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class InterchangeApplication {

    public static void main(String[] args) {
        SpringApplication.run(InterchangeApplication.class, args);
    }
}
