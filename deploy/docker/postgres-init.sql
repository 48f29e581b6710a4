-- the two service databases (services never share tables); runs on the volume's first start
CREATE DATABASE deskflow_ticket;
CREATE DATABASE deskflow_ai;
