import * as core from '@actions/core';
import * as github from '@actions/github';
import { SEVERITIES } from '@devsecops/core';
core.info(`hello ${SEVERITIES.join(',')} ${github.context.eventName}`);
